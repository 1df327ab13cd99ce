#!/usr/bin/env bash
# Downloads the public corpora the spam model is trained on into the directory given (default
# /tmp/spam-corpora), each pinned to a commit and checked against its SHA-256; a changed file fails the
# script. Sources and licences: docs/CONTENT-QUALITY.md. Then, from the repository root:
#   mvn -q -o -pl petition-core,petition-benchmarks -am compile
#   java -cp petition-core/target/classes:petition-benchmarks/target/classes \
#       org.petition.benchmarks.TrainSpamModel /tmp/spam-corpora .
set -euo pipefail
dir="${1:-/tmp/spam-corpora}"
mkdir -p "$dir"

fetch() { # name url sha256
  local name="$1" url="$2" sum="$3"
  if [ ! -f "$dir/$name" ] || ! echo "$sum  $dir/$name" | sha256sum -c --quiet - 2>/dev/null; then
    curl -fsSL "$url" -o "$dir/$name.part"
    mv "$dir/$name.part" "$dir/$name"
  fi
  echo "$sum  $dir/$name" | sha256sum -c --quiet - || { echo "checksum mismatch: $name" >&2; exit 1; }
}

# UCI SMS Spam Collection v.1 (Almeida & Gómez Hidalgo), CC BY 4.0; a verbatim copy on GitHub.
fetch sms.tsv \
  https://raw.githubusercontent.com/hamzaaacodes/sms-spam-collection/f3e73e1e74e6330b62d1ee1983bba2a063184c26/SMSSpamCollection \
  fae7ea7d915ef73903e5c2f46ffa2f4a39909a574e20fda4f2b81f7cb1e15e1f
# Davidson et al. 2017, "Automated Hate Speech Detection and the Problem of Offensive Language", MIT.
fetch davidson.csv \
  https://raw.githubusercontent.com/t-davidson/hate-speech-and-offensive-language/cb50f7e9eb855a99abc51423bf40df0e26d6fe30/data/labeled_data.csv \
  fcb8bc7c68120ae4af04a5b9acd58585513ede11e1548ebf36a5c2040b6f6281
# Korean HateSpeech Dataset (Moon et al. 2020, kocohub), CC BY-SA 4.0.
fetch kocohub-train.tsv \
  https://raw.githubusercontent.com/kocohub/korean-hate-speech/f8d05dce2b22007bb149e5139c0060c68ad8f94b/labeled/train.tsv \
  ebebacdcd023af2c4acc8c0a37695fb6433ac04fc009feff8f222724e303a5a9
fetch kocohub-dev.tsv \
  https://raw.githubusercontent.com/kocohub/korean-hate-speech/f8d05dce2b22007bb149e5139c0060c68ad8f94b/labeled/dev.tsv \
  232b615d6e359a9d31dfb8370f32e1733dc5bb3f9c5430d34d7fcc7ba4b7e8ef
# ToLD-Br (Leite et al. 2020), Brazilian Portuguese tweets labelled for toxicity, CC BY-SA 4.0.
fetch told-br.csv \
  https://raw.githubusercontent.com/JAugusto97/ToLD-Br/7804082d06a42b791c456b37a8a80ed9b731198c/ToLD-BR.csv \
  a905b90d5886b9c80d737aa26c41dd29077155f23b9b857080634a78f8203c90
# MLMA hate speech (Ousidhoum et al. 2019), English/French/Arabic tweets; the French file is read from the
# zip. MIT.
fetch mlma.zip \
  https://raw.githubusercontent.com/HKUST-KnowComp/MLMA_hate_speech/479836984aebfbd8a0270ca92018980f745e4c44/hate_speech_mlma.zip \
  56db7efb1b64a2570f63d0cdb48d119c5e32eccff13f3c22bf17a4331956dc43
# Multilingual HateCheck (Röttger et al. 2022), functional tests for hate speech detection, CC BY 4.0.
# Held out whole: evaluation only.
mhc=https://raw.githubusercontent.com/rewire-online/multilingual-hatecheck/a03f2caf2023a402d85064bda243e46d280408f0/MHC%20Final%20Cases
fetch hatecheck-de.csv "$mhc/hatecheck_cases_final_german.csv" \
  ecdef4611b877120d0a8feec9c0cd0dfc1efec7ead4bbd62eaf32f6cc80d2ee0
fetch hatecheck-es.csv "$mhc/hatecheck_cases_final_spanish.csv" \
  20d2388f4f3bafe744010a42f1ce7ddd5b2b09efa978fb0d8a0fc810487948aa
fetch hatecheck-fr.csv "$mhc/hatecheck_cases_final_french.csv" \
  17cc2c7ec01ad28c31c1c53bbda8c7245b83e86d34017327964956ace1446586
fetch hatecheck-pt.csv "$mhc/hatecheck_cases_final_portuguese.csv" \
  839bcd08e59efb9a659ab3c7e82022844a57ae5babe705323a7956d2d9461ea8
# tg-spam (github.com/umputun/tg-spam), spam and ham samples of a Telegram anti-spam bot, MIT. Two versions of
# each file: the first (1,808 spam lines in many scripts, cut to 63 by the maintainer the next day) and the
# curated one; TelegramSpamCorpus keeps the texts in covered languages and groups near-duplicates.
tg=https://raw.githubusercontent.com/umputun/tg-spam
fetch tg-spam-spam-v1.txt "$tg/36183f571eedecc6355f3ad7fc31d87e98f95a76/data/spam-samples.txt" \
  e299e39d11d578745d42127615fc4a02a64a79d17b31ecf921629c9776679a53
fetch tg-spam-ham-v1.txt "$tg/36183f571eedecc6355f3ad7fc31d87e98f95a76/data/ham-samples.txt" \
  18bf8a1b370a6cdae64bd830b0bb414a8d30624a0d6e64bc691ca47a5f95379d
fetch tg-spam-spam.txt "$tg/e6dc6b6b567326ec6e03cdaee57b934bebcd363e/data/spam-samples.txt" \
  022f16c0b3494819361cf7dae0859ab315e8ecc5ec001dbb48a3805d07b28b43
fetch tg-spam-ham.txt "$tg/a24a26e5a81f1dc13d92a3a87c869615fd961e14/data/ham-samples.txt" \
  46db6def4768798be37d2e2008ae1d224b0833a9c42b6d8b235607aae5230eef
echo "corpora ready in $dir"
