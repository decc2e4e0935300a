# Checks an f-string reusing its quote inside a field (3.11): the f-string's error, not 'invalid syntax'
print('before')
x = f'{'a'}'
