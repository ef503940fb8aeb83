// nlp.js baseline for docs/evaluation.md (run by `dotnet run --project eval/FrontDesk.Eval -- nlu`).
// Input: a JSON file naming the SGD train split, the provider names, and the utterances to read (in order).
// Output (stdout): for every utterance the predicted class (find / book / other), the entity mentions nlp.js gives
// (builtin Microsoft recognizers for dates and times, plus the provider names as an enum entity — the same staff
// list the embedded engine gets), and the milliseconds process() took. Scoring is done in C# with the same code as
// the engine's, so both are measured the same way.
'use strict';
const fs = require('fs');
const { NlpManager } = require('node-nlp');

function goldClass(t) {
  if (t.domain && t.new_intent) {
    if (t.intent === 'FindProvider') return 'find';
    if (t.intent === 'BookAppointment') return 'book';
  }
  return 'other';
}

function kindOf(entity) {
  if (entity === 'provider') return 'provider';
  if (entity === 'date' || entity === 'daterange') return 'date';
  if (entity === 'time' || entity === 'timerange') return 'time';
  if (entity === 'datetime' || entity === 'datetimerange') return 'datetime';
  return null;
}

async function read(manager, text) {
  const started = process.hrtime.bigint();
  const r = await manager.process('en', text);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const mentions = [];
  for (const e of r.entities || []) {
    const kind = kindOf(e.entity);
    const source = e.sourceText || e.utteranceText || '';
    if (kind === 'datetime') {
      // "tomorrow at 3pm": one builtin mention carrying both; counted once as a date and once as a time.
      mentions.push(['date', source], ['time', source]);
    } else if (kind) {
      mentions.push([kind, source]);
    }
  }
  let cls = r.intent;
  if (cls !== 'find' && cls !== 'book') cls = 'other';
  return { cls, mentions, ms };
}

async function main() {
  const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const manager = new NlpManager({ languages: ['en'], forceNER: true, autoSave: false, nlu: { log: false } });
  const train = fs.readFileSync(input.train, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
  for (const t of train) manager.addDocument('en', t.utterance, goldClass(t));
  for (const name of input.providers) manager.addNamedEntityText('provider', name, ['en'], [name]);
  const t0 = Date.now();
  await manager.train();
  const trainSeconds = (Date.now() - t0) / 1000;
  await manager.process('en', 'warm up');
  const sgd = [];
  for (const text of input.sgd) sgd.push(await read(manager, text));
  const sets = [];
  for (const set of input.sets) {
    const out = [];
    for (const text of set) out.push(await read(manager, text));
    sets.push(out);
  }
  const version = require('node-nlp/package.json').version;
  process.stdout.write(JSON.stringify({ version: `node-nlp ${version}`, trainCount: train.length, trainSeconds, sgd, sets }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
