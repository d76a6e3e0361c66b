// Measure Digital Bazaar's issuance rate on one core.
//   node interop/bench-issue.mjs --n 200 [credentials.json]
// credentials.json (optional): an array of unsigned credentials, signed in turn; without
// it a small built-in OpenBadgeCredential is used. Prints one JSON line.
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {makeDocumentLoader, makeSuite, readInput} from './lib.mjs';

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--n') + 1] || 100);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--n');
const templates = file ? await readInput([file]) : [{
  '@context': ['https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'https://trellis.example/credentials/1',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Teamwork',
  issuer: {id: 'did:web:trellis.example', type: ['Profile'], name: 'Example District'},
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:teacher', type: ['AchievementSubject'],
    achievement: {
      id: 'https://trellis.example/achievements/1', type: ['Achievement'], name: 'Teamwork',
      description: 'Collaborates well.', criteria: {narrative: 'Peer nominated.'}
    }
  }
}];
const key = await Ed25519Multikey.generate({controller: 'did:web:trellis.example'});
const suite = makeSuite({signer: key.signer(), date: '2025-01-01T00:00:00Z'});
const documentLoader = makeDocumentLoader();
const sign = credential => vc.issue({credential: structuredClone(credential), suite, documentLoader});

for(let i = 0; i < Math.min(20, n); ++i) {
  await sign(templates[i % templates.length]); // warm up the JIT and context caches
}
const start = process.hrtime.bigint();
for(let i = 0; i < n; ++i) {
  await sign(templates[i % templates.length]);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(JSON.stringify({n, seconds, per_second: n / seconds}) + '\n');
