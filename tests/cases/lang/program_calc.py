# Checks a complete program: a tokenizer and recursive-descent parser/evaluator for arithmetic with variables, using classes, dicts and exceptions.
class Token:
    def __init__(self, kind, value):
        self.kind = kind
        self.value = value
    def __repr__(self):
        return "%s:%s" % (self.kind, self.value)
class CalcError(Exception):
    pass
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(Token("num", float(text) if "." in text else int(text)))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(Token("name", src[i:j]))
            i = j
        elif ch in "+-*/%()=^":
            tokens.append(Token("op", ch))
            i += 1
        else:
            raise CalcError("unexpected character %r at %d" % (ch, i))
    tokens.append(Token("end", None))
    return tokens
class Parser:
    def __init__(self, tokens, env):
        self.tokens = tokens
        self.pos = 0
        self.env = env
    def peek(self):
        return self.tokens[self.pos]
    def take(self, kind=None, value=None):
        tok = self.tokens[self.pos]
        if kind is not None and (tok.kind != kind or (value is not None and tok.value != value)):
            raise CalcError("expected %s %s, got %r" % (kind, value or "", tok))
        self.pos += 1
        return tok
    def statement(self):
        if self.peek().kind == "name" and self.tokens[self.pos + 1].value == "=":
            name = self.take().value
            self.take("op", "=")
            value = self.expr()
            self.env[name] = value
            return value
        return self.expr()
    def expr(self):
        left = self.term()
        while self.peek().kind == "op" and self.peek().value in "+-":
            op = self.take().value
            right = self.term()
            left = left + right if op == "+" else left - right
        return left
    def term(self):
        left = self.power()
        while self.peek().kind == "op" and self.peek().value in "*/%":
            op = self.take().value
            right = self.power()
            if op == "*":
                left = left * right
            elif op == "/":
                if right == 0:
                    raise CalcError("division by zero")
                left = left / right
            else:
                left = left % right
        return left
    def power(self):
        base = self.unary()
        if self.peek().kind == "op" and self.peek().value == "^":
            self.take()
            return base ** self.power()
        return base
    def unary(self):
        if self.peek().kind == "op" and self.peek().value == "-":
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            return tok.value
        if tok.kind == "name":
            if tok.value not in self.env:
                raise CalcError("unknown variable " + tok.value)
            return self.env[tok.value]
        if tok.kind == "op" and tok.value == "(":
            v = self.expr()
            self.take("op", ")")
            return v
        raise CalcError("unexpected %r" % tok)
env = {"pi": 3.14159}
program = ["1 + 2 * 3", "x = (1 + 2) * 3", "y = x ^ 2 - 1", "y / 4", "2 ^ 3 ^ 2", "-x % 4", "r = 2.5",
           "pi * r ^ 2", "7 / (x - 9)", "z + 1", "3 $ 4", "(1 + 2", "big = 2 ^ 100", "big % 1000007"]
for line in program:
    try:
        print("%-16s => %r" % (line, Parser(tokenize(line), env).statement()))
    except CalcError as e:
        print("%-16s !! %s" % (line, e))
print(sorted(env.items()))
print(tokenize("a1 = 3.5*(b_2+4)"))
