/** sysfs file in /sys/class/dmi/id → label of node_dmi_info (node_exporter's spelling). */
export const DMI_LABELS: ReadonlyArray<readonly [file: string, label: string]> = [
  ['bios_date', 'bios_date'],
  ['bios_release', 'bios_release'],
  ['bios_vendor', 'bios_vendor'],
  ['bios_version', 'bios_version'],
  ['board_asset_tag', 'board_asset_tag'],
  ['board_name', 'board_name'],
  ['board_serial', 'board_serial'],
  ['board_vendor', 'board_vendor'],
  ['board_version', 'board_version'],
  ['chassis_asset_tag', 'chassis_asset_tag'],
  ['chassis_serial', 'chassis_serial'],
  ['chassis_vendor', 'chassis_vendor'],
  ['chassis_version', 'chassis_version'],
  ['product_family', 'product_family'],
  ['product_name', 'product_name'],
  ['product_serial', 'product_serial'],
  ['product_sku', 'product_sku'],
  ['product_uuid', 'product_uuid'],
  ['product_version', 'product_version'],
  ['sys_vendor', 'system_vendor'],
];

/** Labels for the present (readable) DMI files; unreadable root-only serials are simply absent. */
export function dmiInfoLabels(files: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [file, label] of DMI_LABELS) {
    const v = files[file];
    if (v !== undefined) labels[label] = v.trim();
  }
  return labels;
}
