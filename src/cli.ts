import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from './documents/parse.js';
import { GradesheetError } from './errors.js';
import { defaultRubric, gradeDocuments, parseRubric } from './grading/index.js';

const USAGE = `gradesheet — pre-fills grading sheets for AI product leader take-homes

Usage:
  gradesheet parse FILE...     print {"documents":[...]} for the files
  gradesheet grade FILE... [--rubric PATH] [--llm]
                               grade the files as one submission; print the sheet
                               (--llm: add the LLM assist's opinion; GRADESHEET_LLM_MODEL,
                               OPENAI_API_KEY, OPENAI_BASE_URL; answers cached under DATA_DIR)
  gradesheet serve             start the HTTP service (PORT, DATA_DIR, DATABASE_URL)
  gradesheet keys create --role admin|hiring_manager|reviewer [--name NAME]
                               print a new API key (same DATA_DIR/DATABASE_URL as serve)
  gradesheet keys list | keys revoke ID
`;

class UsageError extends Error {}

async function readUploads(paths: string[]) {
  if (paths.length === 0) throw new UsageError('no files given');
  return Promise.all(
    paths.map(async (p) => {
      try {
        return { name: basename(p), bytes: new Uint8Array(await readFile(p)) };
      } catch (e) {
        throw new GradesheetError('not_found', `${p} cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { file: p });
      }
    }),
  );
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
      const uploads = await readUploads(positionals);
      const documents = [];
      for (const u of uploads) documents.push(await parseDocument(u));
      process.stdout.write(JSON.stringify({ documents }, null, 2) + '\n');
      return 0;
    }
    case 'grade': {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { rubric: { type: 'string' }, llm: { type: 'boolean', default: false } },
      });
      let rubric;
      if (values.rubric) {
        let raw: unknown;
        try {
          raw = JSON.parse(await readFile(values.rubric, 'utf8'));
        } catch (e) {
          throw new GradesheetError('invalid_rubric', `${values.rubric} cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}`);
        }
        rubric = parseRubric(raw, values.rubric);
      }
      const uploads = await readUploads(positionals);
      const documents = [];
      for (const u of uploads) documents.push(await parseDocument(u));
      let sheet = gradeDocuments(documents, rubric);
      if (values.llm) {
        const { assistFromEnv } = await import('./node/assist-command.js');
        sheet = await assistFromEnv({ documents, rubric: rubric ?? defaultRubric, sheet }, process.env, (s) => process.stderr.write(s));
      }
      process.stdout.write(JSON.stringify(sheet, null, 2) + '\n');
      return 0;
    }
    case 'serve': {
      const { startServer } = await import('./node/server.js');
      const server = await startServer();
      const stop = () => {
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      return -1;
    }
    case 'keys': {
      const { runKeysCommand } = await import('./node/keys-command.js');
      return runKeysCommand(rest, process.env, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof GradesheetError) {
      process.stderr.write(`gradesheet: ${e.code}: ${e.message}\n`);
    } else if (e instanceof UsageError) {
      process.stderr.write(`gradesheet: ${e.message}\n\n${USAGE}`);
    } else {
      process.stderr.write(`gradesheet: unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`);
    }
    process.exitCode = 2;
  },
);
