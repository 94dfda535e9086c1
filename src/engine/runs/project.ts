/** The project folder's identity file, somlab.json: create, open, refuse what this app cannot read. */
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
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
    if (code(e) === 'ENOENT') throw new Error(`${dir} is not a SOM Lab project: ${PROJECT_FILE} not found`);
    throw new Error(`cannot read ${file}: ${code(e) ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is corrupt: not valid JSON (${(e as Error).message})`);
  }
  checkVersion(raw, file);
  return parseWith(ProjectFileSchema, raw, file);
}

/** Files that do not make a folder "non-empty" (OS litter). */
const ignorable = (name: string): boolean => name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';

/**
 * Makes `dir` a project. Accepts a folder that does not exist yet or holds nothing but OS litter; refuses an
 * existing project (open it instead) and a folder with other files in it (a project mixed into unrelated
 * files would be hard to find and to delete).
 */
export async function createProject(dir: string, name: string): Promise<ProjectFile> {
  const file = join(dir, PROJECT_FILE);
  const info = await stat(dir).catch((e: unknown) => (code(e) === 'ENOENT' ? null : Promise.reject(e)));
  if (info && !info.isDirectory()) throw new Error(`cannot create a project at ${dir}: it is a file, not a folder`);
  if (info) {
    const entries = await readdir(dir);
    if (entries.includes(PROJECT_FILE)) {
      throw new Error(`${dir} already holds a SOM Lab project (${PROJECT_FILE}); open it instead of creating one`);
    }
    const other = entries.filter((n) => !ignorable(n));
    if (other.length > 0) {
      throw new Error(
        `cannot create a project in ${dir}: the folder is not empty (${other.slice(0, 3).join(', ')}${other.length > 3 ? ', …' : ''}); ` +
          'pick an empty or new folder',
      );
    }
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
