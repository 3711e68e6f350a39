/** node_exporter's include/exclude pair on an already compiled flag pair: exclude = all except, include = none except. */
export function isIgnored(name: string, exclude: RegExp | undefined, include: RegExp | undefined): boolean {
  return (exclude !== undefined && exclude.test(name)) || (include !== undefined && !include.test(name));
}
