#!/bin/sh
# Copies the SGD dialogue files that hold the appointment dialogues of ../shared/datasets/sgd-appointments (dev and
# test, and the salon dialogues of train that are at HEAD, for `--split salon`), with their system turns and the system's dialogue acts, out of a git clone of
# https://github.com/google-research-datasets/dstc8-schema-guided-dialogue into OUT/{dev,test,salon}/ (not the repository).
# The commits are the ones the dataset's README names (files over ~4 MiB at HEAD come from an older commit).
# Usage: eval/sgd/system-turns.sh /path/to/dstc8-schema-guided-dialogue OUT
# Then: dotnet run -c Release --project eval/FrontDesk.Eval -- nlu --sgd-source OUT
set -eu
src=$1
out=$2
mkdir -p "$out/dev" "$out/test" "$out/salon"
for spec in HEAD:dev/dialogues_003.json HEAD:dev/dialogues_011.json HEAD:dev/dialogues_013.json HEAD:dev/dialogues_014.json \
    0168cd3:dev/dialogues_017.json 0168cd3:dev/dialogues_018.json \
    HEAD:test/dialogues_005.json HEAD:test/dialogues_006.json HEAD:test/dialogues_015.json HEAD:test/dialogues_017.json \
    HEAD:test/dialogues_018.json HEAD:test/dialogues_030.json HEAD:test/dialogues_032.json HEAD:test/dialogues_033.json \
    c6f94aa:test/dialogues_016.json c6f94aa:test/dialogues_022.json c6f94aa:test/dialogues_031.json; do
  git -C "$src" show "$spec" > "$out/${spec#*:}"
done
# Salon (Services_1) dialogues of the train split: a dev set for the test split's salon half (dev has none).
for n in 029 030 033 036 061 062 109 110 112; do
  git -C "$src" show "HEAD:train/dialogues_$n.json" > "$out/salon/dialogues_$n.json"
done
echo "SGD dialogue files written to $out"
