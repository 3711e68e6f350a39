import { fields } from '../procfs/errors.js';

/** available_clocksource: space-separated names. */
export function parseClocksourceList(text: string): string[] {
  return fields(text);
}
