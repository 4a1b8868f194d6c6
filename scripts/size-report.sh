#!/usr/bin/env bash
# The package's size: the packed tarball, and each built JavaScript file raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."
npm pack --dry-run --json 2>/dev/null | node -e '
  const fs = require("fs");
  const zlib = require("zlib");
  const [info] = JSON.parse(fs.readFileSync(0, "utf8"));
  console.log(`tarball ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked, ${info.entryCount} files`);
  for (const name of fs.readdirSync("dist").filter((f) => /\.(c?js)$/.test(f)).sort()) {
    const bytes = fs.readFileSync(`dist/${name}`);
    console.log(`${("dist/" + name).padEnd(28)} ${(bytes.length / 1024).toFixed(1).padStart(7)} kB ${(zlib.gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1).padStart(7)} kB gzip`);
  }
'
