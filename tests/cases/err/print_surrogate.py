# Checks printing a high surrogate fails as CPython's UTF-8 stdout does
print('ok')
x = 'abc\ud83d\ude00'
print(x)
