// The reference of the import ratio: a bare JSON.parse of the same DECP file, in a fresh process; prints seconds.
// Up to 400 MB, the whole file in one JSON.parse (as before). Beyond, V8's longest string (~512 MB) forbids it: the
// records (one per line, as the generator writes them) are parsed in slices of 50,000 wrapped in [ ], which is the same
// JSON.parse work on the same bytes (reading and splitting the lines counted in).
const fs = require("node:fs");
const { StringDecoder } = require("node:string_decoder");
const fichier = process.argv[2];
const debut = performance.now();
if (fs.statSync(fichier).size <= 400 * 1024 * 1024) {
  JSON.parse(fs.readFileSync(fichier, "utf8"));
} else {
  const fd = fs.openSync(fichier, "r");
  const tampon = Buffer.alloc(64 << 20);
  const d = new StringDecoder("utf8");
  let reste = "";
  let lignes = [];
  const vider = () => {
    if (lignes.length === 0) return;
    JSON.parse(`[${lignes.join("\n").replace(/,\s*$/, "")}]`);
    lignes = [];
  };
  for (;;) {
    const n = fs.readSync(fd, tampon, 0, tampon.length, null);
    if (n <= 0) break;
    const parts = (reste + d.write(tampon.subarray(0, n))).split("\n");
    reste = parts.pop() ?? "";
    for (const p of parts) {
      if (p.startsWith('{"marches"') || p.startsWith("]}") || p === "") continue;
      lignes.push(p);
      if (lignes.length >= 50_000) vider();
    }
  }
  vider();
}
console.log((performance.now() - debut) / 1000);
