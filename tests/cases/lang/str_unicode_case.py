# Checks full Unicode case mappings: upper/lower/casefold/title/swapcase/capitalize, final sigma
words = ['ß', 'Straße', 'ﬁx', 'ﬃ', 'ǆemal', 'Ǆ', 'ǅ', 'ᾳ', 'ΣΑΣ ΟΔΟΣ', 'ΌΣΟΣ.', 'aΣb', 'Σ', 'İstanbul',
         'ŉ', 'ǰ', 'ΐ', 'և', 'ﬀ', 'Ⓐⓑ', 'ꭰ', 'Ꭰ', 'ǈǉ', "o'neil ﬁre", 'ⅷ', 'ÿ', 'µ', 'ſ', 'ᾈ']
for w in words:
    print(w, w.upper(), w.lower(), w.casefold(), w.title(), w.swapcase(), w.capitalize(), len(w.upper()))
    print(' ', w.isupper(), w.islower(), w.istitle(), w.upper().isupper(), w.title().istitle())
