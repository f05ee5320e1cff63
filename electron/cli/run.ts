// Entry for `node bin/teia.mjs`: runs the command and exits with its code.
import { main } from './main.ts';

const code = await main(process.argv.slice(2));
process.exitCode = code;
