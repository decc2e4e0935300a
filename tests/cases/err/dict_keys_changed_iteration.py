# Checks CPython's 'dictionary keys changed during iteration' when a key is removed and re-added (same size) while iterating.
for size in [1, 3, 5, 8]:
    G0 = {i: i for i in range(size)}
    G0['k'] = 0
    n = 0
    try:
        for k, i in G0.items():
            n += 1
            if n > 100: break
            G0.pop('k')
            G0['k'] = n
    except RuntimeError as e:
        print(e)
    print(size, n, list(G0)[-3:])
