/**
 * Parsers of the later registry-more collectors join the fuzz test through this list:
 * [name, a valid sample, parse function].
 */
export const extraParsers: Array<[string, string, (text: string) => unknown]> = [];
