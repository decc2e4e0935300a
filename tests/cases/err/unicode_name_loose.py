# Checks \N{...} names must be spelled with their spaces (no loose matching)
s = 'x' + '\N{LATINSMALLLETTERA}'
