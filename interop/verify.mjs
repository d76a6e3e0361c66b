// Verify credentials with Digital Bazaar's stack, fully offline.
//   node interop/verify.mjs bundle.json   (or the bundle on stdin)
// bundle: {"credentials": [vc, ...] or {"name": vc}, "documents": {url: controller doc or
//          status list credential}, "now": optional ISO date-time}
// prints: {"results": [{"name", "verified", "errors", "status": {"checked", "revoked", "errors"}}]}
import * as vc from '@digitalbazaar/vc';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {errorMessages, makeDocumentLoader, makeSuite, readInput} from './lib.mjs';

const bundle = await readInput(process.argv.slice(2));
const documentLoader = makeDocumentLoader(bundle.documents || {});
const suite = makeSuite();
const now = bundle.now ? new Date(bundle.now) : undefined;
const named = Array.isArray(bundle.credentials) ?
  bundle.credentials.map((credential, i) => [String(i), credential]) :
  Object.entries(bundle.credentials || {});

async function status(credential) {
  const entries = [].concat(credential.credentialStatus || []);
  if(!entries.some(e => e && e.type === 'BitstringStatusListEntry')) {
    return {checked: false, revoked: null, errors: []};
  }
  const result = await checkStatus({
    credential, documentLoader, suite,
    verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true
  });
  if(!result.verified) {
    return {checked: false, revoked: null, errors: errorMessages(result.error)};
  }
  const revoked = result.results.some(
    r => r.status && r.credentialStatus.statusPurpose === 'revocation');
  return {checked: true, revoked, errors: []};
}

const results = [];
for(const [name, credential] of named) {
  let verified = false;
  let errors = [];
  try {
    // Status is reported separately below, so let verification itself pass over it.
    const result = await vc.verifyCredential({
      credential, suite, documentLoader, now, checkStatus: async () => ({verified: true})
    });
    verified = result.verified;
    errors = errorMessages(result.error);
  } catch(e) {
    errors = errorMessages(e);
  }
  let statusResult;
  try {
    statusResult = await status(credential);
  } catch(e) {
    statusResult = {checked: false, revoked: null, errors: errorMessages(e)};
  }
  results.push({name, verified, errors, status: statusResult});
}
process.stdout.write(JSON.stringify({results}) + '\n');
