# Checks a BOM-marked file whose string ends in a truncated UTF-8 sequence
s = "ok"
t = "xðŸ˜"
