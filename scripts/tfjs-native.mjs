// Builds @tensorflow/tfjs-node's binding offline, against the TensorFlow C library inside a local
// tensorflow_cpu wheel (the package's own install script downloads libtensorflow, which cannot work
// here). Run by the root `postinstall`. Idempotent: the extracted library and the built binding are
// cached under ~/.cache/qbm, so a second run (or a fresh clone on the same machine) only links files.
// Never fails the install: without a wheel it says so and @qbm/inference runs on the wasm backend.
// Node built-ins only, so it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync } from 'node:fs';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONSUMER = join(ROOT, 'apps', 'inference');
const CACHE = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'qbm');
const WHEEL_DIRS = ['/opt/pypi/files', '/opt/wheels', join(CACHE, 'wheels')];
const LIBRARY_NAMES = {
  'libtensorflow.so': 'libtensorflow_cc.so.2',
  'libtensorflow.so.2': 'libtensorflow_cc.so.2',
  'libtensorflow_cc.so.2': 'libtensorflow_cc.so.2', // the SONAME the binding records
  'libtensorflow_framework.so': 'libtensorflow_framework.so.2',
  'libtensorflow_framework.so.2': 'libtensorflow_framework.so.2',
};

const say = (message) => process.stderr.write(`\x1b[36mqbm\x1b[0m tfjs-node: ${message}\n`);
const fallback = (reason) => {
  say(`native TensorFlow backend not built: ${reason}`);
  say('@qbm/inference will run on the wasm backend (set QBM_TENSORFLOW_WHEEL to a tensorflow_cpu wheel and reinstall)');
  process.exit(0);
};

function packageDir() {
  try {
    const require = createRequire(join(CONSUMER, 'package.json'));
    return dirname(realpathSync(require.resolve('@tensorflow/tfjs-node/package.json')));
  } catch {
    return null;
  }
}

function findWheel() {
  const explicit = process.env.QBM_TENSORFLOW_WHEEL;
  if (explicit) return existsSync(explicit) ? explicit : null;
  const pattern = /^tensorflow(_cpu)?-[\d.]+-.*manylinux.*_x86_64\.whl$/;
  for (const dir of WHEEL_DIRS) {
    if (!existsSync(dir)) continue;
    const wheels = readdirSync(dir).filter((name) => pattern.test(name));
    if (wheels.length > 0) return join(dir, wheels.sort().at(-1));
  }
  return null;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0)
    throw new Error(`${basename(command)} failed: ${(result.stderr || result.error || '').toString().slice(-800)}`);
  return result.stdout;
}

// Extracts the two libraries and the headers once per wheel; a marker file makes it all-or-nothing.
function extractedLibrary(wheel) {
  const target = join(CACHE, 'tensorflow', basename(wheel, '.whl'));
  if (existsSync(join(target, '.complete'))) return target;
  say(`extracting libtensorflow and headers from ${basename(wheel)} into ${target} (once per machine)`);
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const members = [
    'tensorflow/libtensorflow_cc.so.2',
    'tensorflow/libtensorflow_framework.so.2',
    'tensorflow/include/*',
  ];
  if (spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0) {
    run('unzip', ['-q', '-o', wheel, ...members, '-d', staging]);
  } else {
    const script = `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
z.extractall(sys.argv[2], [n for n in z.namelist() if n.startswith('tensorflow/include/') or n in sys.argv[3:]])`;
    run('python3', ['-c', script, wheel, staging, members[0], members[1]]);
  }
  writeFileSync(join(staging, '.complete'), `${new Date().toISOString()}\n`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  renameSync(staging, target);
  return target;
}

function link(target, path) {
  rmSync(path, { recursive: true, force: true });
  symlinkSync(target, path);
}

// deps/include and deps/lib are where binding.gyp looks, and the binding's rpath ($ORIGIN/../../deps/lib).
function linkDependencies(pkg, library) {
  const deps = join(pkg, 'deps');
  mkdirSync(join(deps, 'lib'), { recursive: true });
  link(join(library, 'tensorflow', 'include'), join(deps, 'include'));
  for (const [name, file] of Object.entries(LIBRARY_NAMES))
    link(join(library, 'tensorflow', file), join(deps, 'lib', name));
}

function nodeGyp() {
  const candidates = [
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ];
  const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout?.trim();
  if (npmRoot) candidates.push(join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((path) => existsSync(path)) ?? null;
}

function buildBinding(pkg, binding) {
  const prefix = join(dirname(process.execPath), '..');
  if (!existsSync(join(prefix, 'include', 'node', 'node_api.h')))
    fallback(`no Node headers under ${prefix}/include/node`);
  const gyp = nodeGyp();
  if (!gyp) fallback("npm's bundled node-gyp was not found");
  say('building the native binding with node-gyp (about 15 s on 2 cores)');
  run(
    process.execPath,
    [
      gyp,
      'rebuild',
      `--nodedir=${prefix}`,
      '--module_name=tfjs_binding',
      '--module_path=lib/napi-v8',
      '--napi_build_version=8',
    ],
    { cwd: pkg },
  );
  const built = [
    binding,
    join(pkg, 'build', 'lib', 'napi-v8', 'tfjs_binding.node'),
    join(pkg, 'build', 'Release', 'tfjs_binding.node'),
  ].find((p) => existsSync(p));
  if (!built) throw new Error('node-gyp finished but left no tfjs_binding.node');
  if (built !== binding) {
    mkdirSync(dirname(binding), { recursive: true });
    copyFileSync(built, binding);
  }
}

// Loading takes a second or two (the library is ~800 MB), so it is checked only after a build or copy.
function verify(pkg) {
  const check = `const tf = require(${JSON.stringify(pkg)}); tf.tensor([1, 2]).square().dataSync(); process.stdout.write(tf.getBackend());`;
  const backend = run(process.execPath, ['-e', check], { env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' } }).trim();
  if (backend !== 'tensorflow') throw new Error(`the binding loaded but the backend is ${backend}`);
}

function main() {
  const started = Date.now();
  const pkg = packageDir();
  if (!pkg) return say('@tensorflow/tfjs-node is not installed; nothing to build');
  const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
  const binding = join(pkg, 'lib', 'napi-v8', 'tfjs_binding.node');
  const wheel = findWheel();
  if (!wheel) {
    if (existsSync(binding) && existsSync(join(pkg, 'deps', 'lib', 'libtensorflow.so.2')))
      return say('native binding present');
    const explicit = process.env.QBM_TENSORFLOW_WHEEL;
    fallback(
      explicit
        ? `QBM_TENSORFLOW_WHEEL points to ${explicit}, which does not exist`
        : `no tensorflow_cpu wheel in ${WHEEL_DIRS.join(', ')} and no QBM_TENSORFLOW_WHEEL`,
    );
  }
  const library = extractedLibrary(wheel);
  linkDependencies(pkg, library);
  if (existsSync(binding)) return say(`native binding ready (${Date.now() - started} ms)`);
  const cachedBinding = join(
    CACHE,
    'tfjs-node',
    `${version}-${basename(library)}-abi${process.versions.modules}`,
    'tfjs_binding.node',
  );
  if (existsSync(cachedBinding)) {
    mkdirSync(dirname(binding), { recursive: true });
    copyFileSync(cachedBinding, binding);
  } else {
    buildBinding(pkg, binding);
    mkdirSync(dirname(cachedBinding), { recursive: true });
    copyFileSync(binding, cachedBinding);
  }
  verify(pkg);
  say(`native binding ready, backend "tensorflow" loads (${Date.now() - started} ms)`);
}

try {
  main();
} catch (error) {
  fallback(error instanceof Error ? error.message : String(error));
}
