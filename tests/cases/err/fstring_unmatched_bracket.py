# Checks an f-string field cut by a bytes literal: the f-string's unmatched bracket is reported before the bytes/str mix
x = f'{a['b']}'
