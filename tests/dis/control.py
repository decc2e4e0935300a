def classify(n):
    while n > 0:
        if n % 2 == 0:
            n -= 3
            continue
        elif n > 10:
            break
        n -= 1
    try:
        x = 1 / n
    except ZeroDivisionError as e:
        x = None
    finally:
        n = 0
    return [i * i for i in range(3) if i], x
