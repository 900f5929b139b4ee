// Runs conformance/reports through Ajv 8 in strict mode (see run.sh): every non-semantic case
// must get its verdict; semantic cases are counted (the schema may accept them).
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");
const fs = require("fs"); const path = require("path");
const dir = process.argv[3];
const ajv = new Ajv2020({strict: true, allErrors: true});
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(process.argv[2], "utf8")));
function apply(base, ops) {
  const doc = JSON.parse(JSON.stringify(base));
  for (const op of ops) {
    const parts = op.path.split("/").slice(1).map(s => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    const last = parts.pop(); let parent = doc;
    for (const p of parts) parent = parent[Array.isArray(parent) ? Number(p) : p];
    if (Array.isArray(parent)) {
      if (op.op === "add") { if (last === "-") parent.push(op.value); else parent.splice(Number(last), 0, op.value); }
      else if (op.op === "replace") parent[Number(last)] = op.value; else parent.splice(Number(last), 1);
    } else { if (op.op === "remove") delete parent[last]; else parent[last] = op.value; }
  }
  return doc;
}
let n = 0, bad = 0, semanticAccepted = 0, semanticTotal = 0;
for (const f of fs.readdirSync(dir).filter(f => f.endsWith(".json") && !f.startsWith("base-")).sort()) {
  const suite = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
  const base = JSON.parse(fs.readFileSync(path.join(dir, suite.base), "utf8"));
  for (const c of suite.cases) {
    n++;
    const ok = validate(apply(base, c.patch));
    if (c.semantic) { semanticTotal++; if (ok) semanticAccepted++; continue; }
    if (ok !== c.valid) { bad++; console.log("DISAGREE", f, c.description, ok, JSON.stringify(validate.errors).slice(0, 200)); }
  }
}
if (bad > 0) process.exitCode = 1;
console.log(`cases ${n}, disagreements ${bad}, semantic cases ${semanticTotal} (accepted by the schema: ${semanticAccepted})`);
