import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelCard, ModelName } from './model-card';

export type ArtifactFiles = Record<string, Buffer>;

// A version id that names the content: the model and a hash of its files, so retraining with the same
// data and seed yields the same id and any change yields a new one.
export function versionId(model: ModelName, files: ArtifactFiles): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort())
    hash
      .update(name)
      .update('\0')
      .update(files[name] as Buffer);
  return `${model}-${hash.digest('hex').slice(0, 12)}`;
}

// Writes <root>/<version>/ with the files and card.json, via a temporary folder renamed into place,
// so a reader never sees half a version.
export async function writeArtifact(root: string, files: ArtifactFiles, card: ModelCard): Promise<string> {
  const directory = join(root, card.version);
  const staging = `${directory}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(staging, name), content);
  await writeFile(join(staging, 'card.json'), `${JSON.stringify(card, null, 2)}\n`);
  await rm(directory, { recursive: true, force: true });
  await rename(staging, directory);
  return directory;
}

export async function readArtifactFile(directory: string, name: string): Promise<Buffer> {
  return readFile(join(directory, name));
}

export async function readModelCard(directory: string): Promise<ModelCard> {
  return JSON.parse((await readArtifactFile(directory, 'card.json')).toString('utf8')) as ModelCard;
}

export const jsonFile = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value)}\n`);
