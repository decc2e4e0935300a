# collections.abc: its ABCs need isinstance checks by registration and
# structure (metaclasses), which krait has not: refused by name.
raise NotImplementedError("krait does not support collections.abc")
