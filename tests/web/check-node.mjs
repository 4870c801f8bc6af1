// Exits 1 with one line when the running Node.js does not satisfy a ">=X[.Y[.Z]]" "engines.node"
// of package.json or of any package pinned in package-lock.json (run before `npm ci`).
//   node check-node.mjs package.json [package-lock.json]
import fs from 'node:fs';

const parse = (v) => v.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
const atLeast = (have, want) => {
  for (let i = 0; i < 3; ++i) {
    if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
  }
  return true;
};

const current = process.versions.node;
const required = [];
const [pkgFile, lockFile] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
if (pkg.engines?.node) required.push([pkg.name, pkg.engines.node]);
if (lockFile && fs.existsSync(lockFile)) {
  const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (where && entry.engines?.node) {
      required.push([`${where.replace(/^node_modules\//, '')}@${entry.version}`, entry.engines.node]);
    }
  }
}

for (const [who, range] of required) {
  const m = /^\s*>=\s*(\d+(?:\.\d+){0,2})\s*$/.exec(range);
  if (!m) {
    console.error(`FAIL  ${who} requires Node.js "${range}", a range this check cannot read`);
    process.exit(1);
  }
  if (!atLeast(parse(current), parse(m[1]))) {
    console.error(`FAIL  ${who} requires Node.js ${range}; this is Node.js ${current} (${process.execPath})`);
    process.exit(1);
  }
}
