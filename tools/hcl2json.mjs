// Prints the JSON form of one HCL (Terraform) file, parsed by @cdktf/hcl2json (a WebAssembly build of the
// Go HCL parser). Used by the deployment tests; install with `bash .ci/install-test-tools.sh`.
//   node tools/hcl2json.mjs deploy/terraform/main.tf
// Exit codes: 0 parsed, 1 parse error (message on stderr), 2 usage or unreadable file.
import { readFile } from "node:fs/promises";
import { parse } from "@cdktf/hcl2json";

const [file] = process.argv.slice(2);
if (!file || process.argv.length !== 3) {
  console.error("usage: node tools/hcl2json.mjs FILE.tf");
  process.exit(2);
}
let text;
try {
  text = await readFile(file, "utf8");
} catch (e) {
  console.error(`hcl2json: cannot read ${file}: ${e.message}`);
  process.exit(2);
}
try {
  const json = await parse(file, text);
  process.stdout.write(JSON.stringify(json, null, 2) + "\n");
} catch (e) {
  console.error(`hcl2json: ${file}: ${e.message ?? e}`);
  process.exit(1);
}
