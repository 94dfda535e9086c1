/** The project folder's identity file, somlab.json: create, open, refuse what this app cannot read. */
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { clip } from '../../shared/clip';
import { PROJECT_FORMAT, PROJECT_VERSION, ProjectFileSchema, type ProjectFile } from '../../shared/project';
import { parseWith } from '../../shared/validate';
import { writeJsonAtomic } from './atomic';
import { PROJECT_FILE, runsDir } from './paths';

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/** Refuses a newer format before the schema sees it, so the user learns why rather than which field. */
function checkVersion(raw: unknown, file: string): void {
  if (raw === null || typeof raw !== 'object') return;
  const { format, version } = raw as { format?: unknown; version?: unknown };
  if (format === PROJECT_FORMAT && typeof version === 'number' && version > PROJECT_VERSION) {
    throw new Error(
      `${file} was written by a newer SOM Lab (format version ${version}; this app reads up to ${PROJECT_VERSION}): ` +
        'update SOM Lab to open this project; the file was left unchanged',
    );
  }
}

export async function openProject(dir: string): Promise<ProjectFile> {
  const file = join(dir, PROJECT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (code(e) === 'ENOENT') throw new Error(`${clip(dir)} is not a SOM Lab project: ${PROJECT_FILE} not found`);
    throw new Error(`cannot read ${clip(file)}: ${code(e) ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${clip(file)} is corrupt: not valid JSON (${(e as Error).message})`);
  }
  checkVersion(raw, file);
  return parseWith(ProjectFileSchema, raw, file);
}

/**
 * Files that do not make a folder "non-empty": what file managers drop into every folder they show. Other
 * dotfiles count (a home folder holding only .bashrc and .ssh is not an empty folder).
 */
const OS_LITTER = new Set(['.DS_Store', '.localized', '.directory', 'Thumbs.db', 'desktop.ini']);

/**
 * Makes `dir` a project. Accepts a folder that does not exist yet or holds nothing but OS litter; refuses an
 * existing project (open it instead) and a folder with other files in it (a project mixed into unrelated
 * files would be hard to find and to delete). The refusal does not list the folder's entries: the caller
 * may be a browser tab that must not learn what is in a folder by trying to create a project there.
 */
export async function createProject(dir: string, name: string): Promise<ProjectFile> {
  const file = join(dir, PROJECT_FILE);
  const info = await stat(dir).catch((e: unknown) => (code(e) === 'ENOENT' ? null : Promise.reject(e)));
  if (info && !info.isDirectory())
    throw new Error(`cannot create a project at ${clip(dir)}: it is a file, not a folder`);
  if (info) {
    const entries = await readdir(dir);
    if (entries.includes(PROJECT_FILE)) {
      throw new Error(
        `${clip(dir)} already holds a SOM Lab project (${PROJECT_FILE}); open it instead of creating one`,
      );
    }
    if (entries.some((n) => !OS_LITTER.has(n)))
      throw new Error(
        `cannot create a project in ${clip(dir)}: the folder is not empty and holds no ${PROJECT_FILE}; ` +
          'pick an empty or new folder',
      );
  }
  await mkdir(runsDir(dir), { recursive: true });
  const project: ProjectFile = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name,
    created: new Date().toISOString(),
  };
  await writeJsonAtomic(file, project);
  return project;
}
