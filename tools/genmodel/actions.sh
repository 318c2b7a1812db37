#!/bin/sh
# Lists every operation page of the sources as "style Action"; run from
# the sources directory. The raw input of pkg/api/model/testdata/actions.txt.
# For each "接口描述" heading: the Action named most often on its page
# (本接口(X), Action字段为X, 本接口取值：X, 接口名：X, ?Action=X), and
# the style from the request domain on the page.
awk '
function flush() {
  if (!inpage) return
  best=""; n=0
  for (a in cnt) if (cnt[a] > n || (cnt[a] == n && a < best)) { best=a; n=cnt[a] }
  print style, best
  delete cnt; inpage=0; style=""
}
/接口描述/ && length($0) < 20 { flush(); inpage=1 }
/最近更新时间|最近更新時間/ { flush() }
inpage {
  line=$0
  if (style == "" && line ~ /vpc\.tencentcloudapi\.com/) style="v3"
  if (style == "" && line ~ /vpc\.api\.qcloud\.com/) style="legacy"
  while (match(line, /(本接口 *(\(|（) *|Action *字段为 *|本接口取值(:|：) *|接口名(:|：) *`?|\?Action=)[A-Za-z]+/)) {
    m=substr(line, RSTART, RLENGTH); sub(/.*[^A-Za-z]/, "", m); cnt[m]++
    line=substr(line, RSTART+RLENGTH)
  }
}
END { flush() }
' 004_*.txt
for f in 000_*.txt 002_*.txt; do
  sed -n 's/.*Action 字段为 *\([A-Za-z]*\).*/legacy \1/p; s/.*Action字段为\([A-Za-z]*\).*/legacy \1/p' $f | head -1
done
for f in 001_*.txt 003_*.txt; do
  sed -n 's/.*The value used for this API: *\([A-Za-z]*\)\..*/v3 \1/p' $f | head -1
done
