// The reference count for tests/compare: npm's pixelmatch, reading PNGs with pngjs as its README does.
//
//   echo '[{"expected": "a.png", "actual": "b.png", "threshold": 0.1, "includeAA": false, "diff": "d.png"}]' \
//     | node tests/reference/pixelmatch_batch.mjs
//
// prints a JSON list with the number of mismatched pixels of each job. Jobs come in one batch on
// stdin because starting node costs more than comparing a screenshot pair.
import fs from 'node:fs';
import {PNG} from 'pngjs';
import pixelmatch from 'pixelmatch';

const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));

const counts = jobs.map(({expected, actual, threshold, includeAA, diff}) => {
    const img1 = PNG.sync.read(fs.readFileSync(expected));
    const img2 = PNG.sync.read(fs.readFileSync(actual));
    const {width, height} = img1;
    if (img2.width !== width || img2.height !== height) {
        throw new Error(`${expected} is ${width}x${height} but ${actual} is ${img2.width}x${img2.height}`);
    }
    const output = diff ? new PNG({width, height}) : null;
    const count = pixelmatch(img1.data, img2.data, output && output.data, width, height, {threshold, includeAA});
    if (output) fs.writeFileSync(diff, PNG.sync.write(output));
    return count;
});

process.stdout.write(JSON.stringify(counts) + '\n');
