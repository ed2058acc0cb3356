import path from 'node:path';
import fs from 'node:fs';
import { parseArgs, flag, UsageError, type Parsed } from './args.ts';
import { processIo, type Io } from './io.ts';
import { ThematicError } from '../core/errors.ts';
import { Service } from '../api/service.ts';
import { backupSettings } from '../lib/backup-paths.ts';
import { actor, cmdCodes, cmdDocs, cmdHistory, cmdImport, cmdNew, cmdParticipants, cmdSearch } from './project-commands.ts';
import { ensureRendererBuilt, findElectron, launchElectron } from './desktop.ts';
import { buildSample, SAMPLE_PATH } from '../api/sample.ts';
import { themesCommands } from './themes-commands.ts';
import { agreementCommands } from './agreement-commands.ts';
import { anonymiseCommands } from './anonymise-commands.ts';
import { cmdExport } from './export-command.ts';
import { cmdImportRefi } from './refi-commands.ts';
import { backupCommands, BACKUP_USAGE } from './backup-commands.ts';
import { cmdImportWithMedia, cmdMedia, hasMediaFlag, MEDIA_BOOLEANS } from './media-commands.ts';

const EXTRA_COMMANDS: Record<string, (p: Parsed, io: Io) => Promise<number>> = {
  ...themesCommands,
  ...agreementCommands,
  ...anonymiseCommands,
  ...backupCommands,
  export: cmdExport,
  media: cmdMedia,
};

const REFI_FILE = /\.(qdpx|qde|qdc)$/i;

const BOOLEANS = ['json', 'help', 'no-open', 'force', 'exclude-uncoded', 'timestamps', 'preview', 'with-media', ...MEDIA_BOOLEANS];

export const USAGE = `thematic: a workbench for thematic analysis

  thematic new FILE                     create an empty project (one SQLite file)
  thematic import FILE TRANSCRIPTS...   import transcripts (.txt .md .docx .odt .pdf .vtt .srt, Zoom captions)
        [--participant ID] [--attr key=value]... [--speaker-pattern REGEX] [--media RECORDING]... [--json]
  thematic docs FILE [--attr key=value] [--json]
  thematic codes FILE [--json]
  thematic participants FILE [--import PARTICIPANTS.csv] [--json]
  thematic search FILE WORDS... [--json]
  thematic history FILE [--json] | thematic undo FILE | thematic redo FILE
  thematic serve FILE [--port N]        the web mode on 127.0.0.1 (prints a URL with a per-run token)
  thematic desktop [FILE]               the desktop app (the web mode when no Electron binary is available)
  thematic sample [--out FILE]          build the sample study project
  thematic themes FILE [--group-by ATTR] [--json]              the theme tree with codes and coverage
  thematic map FILE --out map.svg|map.png|map.pdf [--width-mm N] [--dpi N] [--layout radial|tree] [--palette NAME] [--version NAME]
  thematic reliability DATA.csv [--level nominal|ordinal|interval|ratio] [--bootstrap N] [--seed N] [--alpha-min 0.667] [--json]
  thematic agreement FILE --coders A,B [--unit character|turn|sentence|document|segment] [--bootstrap N] [--seed N] [--report OUT.html] [--json]
  thematic reconcile FILE --coders A,B [--consensus NAME] [--log OUT.csv] [--json]
  thematic accept-agreed FILE --coders A,B [--consensus NAME]
  thematic coder-copy FILE --coder NAME --out COPY.thematic | thematic merge FILE COPY.thematic
  thematic import FILE PROJECT.qdpx|PROJECT.qde|CODEBOOK.qdc   bring in a REFI-QDA project or codebook; prints the import report
        [--as another-coder [--coder NAME]] [--identical-text merge] [--document-groups attributes]   (the same study coded by someone else; see README)
  thematic export FILE --format qdpx --target nvivo --out PATH.qdpx   a .qdpx for NVivo (positions in UTF-16 units)
  thematic export FILE --format qdpx|qdc|segments-csv|matrix-csv|codebook-docx|codebook-md|codebook-csv|quotes-docx|quotes-md|quotes-html
        --out PATH [--theme NAME]... [--code NAME]... [--coder NAME] [--attribution KEY,KEY] [--timestamps]
        [--with-media]   qdpx: put the recordings of imported audio/video transcripts into sources/
  thematic anonymise FILE --key KEY.csv --out COPY.thematic [--preview] [--force]
  thematic media FILE [DOCUMENT RECORDING [--copy]]   link a recording (.wav .mp3 .m4a .aac .ogg .opus .flac .webm .mp4 .mov) by reference
        | FILE DOCUMENT --detach | FILE DOCUMENT --relink [--accept-changed]
${BACKUP_USAGE}`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    const p = parseArgs(rest, BOOLEANS);
    switch (cmd) {
      case 'new':
        return await cmdNew(p, io);
      case 'import':
        return REFI_FILE.test(p.positionals[1] ?? '')
          ? await cmdImportRefi(p, io)
          : hasMediaFlag(p)
            ? await cmdImportWithMedia(p, io)
            : await cmdImport(p, io);
      case 'docs':
        return await cmdDocs(p, io);
      case 'codes':
        return await cmdCodes(p, io);
      case 'participants':
        return await cmdParticipants(p, io);
      case 'search':
        return await cmdSearch(p, io);
      case 'history':
        return await cmdHistory(p, io, 'list');
      case 'undo':
        return await cmdHistory(p, io, 'undo');
      case 'redo':
        return await cmdHistory(p, io, 'redo');
      case 'serve':
        return await cmdServe(p.positionals[0], flag(p, 'port'), io);
      case 'desktop':
      case 'start':
        return await cmdDesktop(p.positionals[0], io);
      case 'sample': {
        const out = flag(p, 'out') ?? SAMPLE_PATH;
        await buildSample(out, { force: true });
        io.out(`Built the sample study: ${out}`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        if (cmd && Object.hasOwn(EXTRA_COMMANDS, cmd)) return await EXTRA_COMMANDS[cmd](p, io);
        throw new UsageError(`unknown command "${cmd}"\n\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ThematicError) {
      io.err(`thematic: ${e.message}`);
      return 2;
    }
    io.err(`thematic: ${(e as Error).message ?? e}`);
    return 1;
  }
}

async function cmdServe(file: string | undefined, port: string | undefined, io: Io): Promise<number> {
  if (!file) throw new UsageError('usage: thematic serve FILE [--port N]');
  if (port !== undefined && !/^\d+$/.test(port)) throw new UsageError(`--port must be a number, got "${port}"`);
  ensureRendererBuilt((s) => io.err(s));
  const { startServer } = await import('../server/server.ts');
  let service = Service.open(file, { autoBackup: backupSettings() });
  service.warmJobs();
  const server = await startServer({
    service,
    port: port ? Number(port) : 0,
    actor: actor(),
    onProjectChange: (next) => {
      service = next;
    },
  });
  io.out(`Thematic web mode for ${path.basename(file)}: ${server.url}`);
  await new Promise<void>((resolve) => {
    // Stopping waits for the closing backups: of projects switched away from (server.close) and of the open one.
    const stop = () => {
      server
        .close()
        .then(() => service.closeWithBackup())
        .catch((e) => io.err(`thematic: the closing backup failed: ${(e as Error).message}`))
        .finally(() => {
          service.close();
          resolve();
        });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

async function cmdDesktop(file: string | undefined, io: Io): Promise<number> {
  let project = file;
  if (!project) {
    if (!fs.existsSync(SAMPLE_PATH)) {
      io.err('Building the sample study (first start only)...');
      await buildSample(SAMPLE_PATH, { force: false });
    }
    project = SAMPLE_PATH;
  }
  const electron = findElectron();
  if (electron) return launchElectron(electron, project);
  io.err('No Electron binary is available on this machine (it cannot be downloaded here); opening the web mode instead.');
  return cmdServe(project, process.env.THEMATIC_PORT, io);
}
