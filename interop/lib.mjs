// Shared pieces of the Digital Bazaar reference stack: an offline document loader and
// the eddsa-rdfc-2022 suite. Contexts come from credentials/ob3/contexts/ (the same
// files Trellis's Python code uses); anything else must be supplied by the caller.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as didKey from '@digitalbazaar/did-method-key';

const here = dirname(fileURLToPath(import.meta.url));
const contextsDir = join(here, '..', 'credentials', 'ob3', 'contexts');
const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

export const CONTEXTS = new Map(
  Object.entries(JSON.parse(readFileSync(join(contextsDir, 'index.json'), 'utf8')))
    .map(([url, file]) => [url, JSON.parse(readFileSync(join(contextsDir, file), 'utf8'))]));

const didKeyDriver = didKey.driver();
didKeyDriver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

function asList(value) {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

// Find a verification method inside a supplied controller document.
function findMethod(doc, url) {
  const abs = id => (typeof id === 'string' && id.startsWith('#')) ? doc.id + id : id;
  for(const vm of [...asList(doc.verificationMethod), ...asList(doc.assertionMethod)]) {
    if(vm && typeof vm === 'object' && abs(vm.id) === url) {
      return {'@context': MULTIKEY_V1, ...vm, id: url};
    }
  }
  return null;
}

// Build a documentLoader that never touches the network.
export function makeDocumentLoader(documents = {}) {
  return async url => {
    const found = document => ({contextUrl: null, documentUrl: url, document});
    if(CONTEXTS.has(url)) {
      return found(CONTEXTS.get(url));
    }
    if(url.startsWith('did:key:')) {
      return found(await didKeyDriver.get({url}));
    }
    if(documents[url]) {
      return found(documents[url]);
    }
    const [base] = url.split('#');
    if(base !== url && documents[base]) {
      const method = findMethod(documents[base], url);
      if(method) {
        return found(method);
      }
    }
    throw new Error(`Document not available offline: ${url}`);
  };
}

export function makeSuite({signer, date} = {}) {
  return new DataIntegrityProof({signer, date, cryptosuite: eddsaRdfc2022CryptoSuite});
}

// Load a signing key from Multikey parts.
export async function keyFromMultikey({verificationMethod, publicKeyMultibase, secretKeyMultibase}) {
  const [controller] = verificationMethod.split('#');
  return Ed25519Multikey.from({
    '@context': MULTIKEY_V1, type: 'Multikey', id: verificationMethod, controller,
    publicKeyMultibase, secretKeyMultibase
  });
}

export async function readInput(argv) {
  const file = argv.find(a => !a.startsWith('--'));
  if(file) {
    return JSON.parse(readFileSync(file, 'utf8'));
  }
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export function errorMessages(error) {
  if(!error) {
    return [];
  }
  const errors = Array.isArray(error) ? error : [error];
  return errors.flatMap(e => [e.message || String(e), ...errorMessages(e.errors || e.cause)])
    .filter((m, i, all) => all.indexOf(m) === i);
}
