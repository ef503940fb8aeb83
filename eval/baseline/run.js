// nlp.js baseline for docs/evaluation.md (run by `dotnet run --project eval/FrontDesk.Eval -- nlu`).
// Input: a JSON file naming the SGD train split, the provider names, and the utterances to read (in order).
// Output (stdout): for every utterance the predicted class (find / book / other), the entity mentions nlp.js gives
// (builtin Microsoft recognizers for dates and times, plus the provider names as an enum entity — the same staff
// list the embedded engine gets) with their character offsets (end exclusive) and resolved value, and the
// milliseconds process() took. Normalising and scoring are done in C# with the same code as the engine's
// (span overlap and the same value), so both are measured the same way.
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
    if (!kind) continue;
    const text = e.sourceText || e.utteranceText || '';
    // node-nlp's end offset is inclusive. Times and date-times carry the first resolution ("15:00:00",
    // "2026-03-09 14:30:00"); a provider carries the staff name it matched.
    const first = e.resolution && Array.isArray(e.resolution.values) ? e.resolution.values[0] : null;
    const value = kind === 'provider' ? e.option : first && typeof first.value === 'string' ? first.value : null;
    mentions.push({ kind, start: e.start, end: e.end + 1, text, value: value || null });
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
