// Issue (sign) one credential with Digital Bazaar's stack, so Trellis's verifier can be
// tested on a credential it did not sign.
//   node interop/issue.mjs input.json   (or the input on stdin)
// input: {"credential": unsigned vc, "verificationMethod": "controller#z6Mk...",
//         "publicKeyMultibase": "z6Mk...", "secretKeyMultibase": "z3u2...", "created"?: ISO}
// prints: the signed credential
import * as vc from '@digitalbazaar/vc';
import {keyFromMultikey, makeDocumentLoader, makeSuite, readInput} from './lib.mjs';

const input = await readInput(process.argv.slice(2));
const key = await keyFromMultikey(input);
const suite = makeSuite({signer: key.signer(), date: input.created});
const signed = await vc.issue({
  credential: input.credential, suite, documentLoader: makeDocumentLoader()
});
process.stdout.write(JSON.stringify(signed) + '\n');
