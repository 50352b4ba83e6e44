// Parses PromQL expressions with Prometheus's own parser (the one its web UI uses) and prints, as JSON, the
// expressions that do not parse, each with the offset of its first error. Input: a JSON array of strings on stdin.
import { parser } from '@prometheus-io/lezer-promql';

const input = await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
});

const failures = [];
for (const expr of JSON.parse(input)) {
  let errorAt = -1;
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError && errorAt < 0) {
        errorAt = node.from;
      }
    },
  });
  if (errorAt >= 0) {
    failures.push({ expr, errorAt });
  }
}
process.stdout.write(JSON.stringify(failures));
