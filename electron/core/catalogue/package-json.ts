import type { TeiaPackage } from '../../../shared/domain/package.ts';

/**
 * A package as JSON with one record per line: half the size of an indented file, and the
 * line numbers an import reports still point at one record each.
 */
export function stringifyPackage(pkg: TeiaPackage): string {
  const parts: string[] = [];
  const entries = Object.entries(pkg);
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value)) {
      parts.push(`${JSON.stringify(key)}: [`);
      value.forEach((item, j) => parts.push(JSON.stringify(item) + (j < value.length - 1 ? ',' : '')));
      parts.push(`]${comma}`);
    } else parts.push(`${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
  });
  return `{\n${parts.join('\n')}\n}\n`;
}
