import fs from 'node:fs';
import type { Command } from '../command.ts';
import { dbOption } from '../command.ts';
import { openCore } from '../../core/index.ts';
import { writeTemplate } from '../../core/export/workbook.ts';
import { LABEL_LANGS, isLabelLang } from '../../../shared/domain/kind-labels.ts';

/** The empty workbook a forum fills in: one sheet per kind, instructions, drop-down lists, example rows. */
export const templateCommand: Command = {
  name: 'template',
  summary: 'Writes an empty workbook for collecting enterprises, products, offers, needs and flows (the catalogue\u2019s products in its lists).',
  usage: 'teia template FILE.xlsx [--lang en|pt|es|fr] [--db PATH]',
  options: { ...dbOption, lang: { type: 'string' } },
  async run({ values, positionals, stderr }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      stderr.write(`teia template: give exactly one file to write.\nUsage: ${this.usage}\n`);
      return 2;
    }
    const lang = (values.lang as string | undefined) ?? 'en';
    if (!isLabelLang(lang)) {
      stderr.write(`teia template: --lang must be one of ${LABEL_LANGS.join(', ')}, not "${lang}".\n`);
      return 2;
    }
    const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false, readonly: true });
    try {
      fs.writeFileSync(file, await writeTemplate(core.ctx.db, lang));
      stderr.write(`Wrote ${file}: fill it in, then teia import ${file}.\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
