class Base:
    def __init__(self, v):
        self.v = v


class Child(Base):
    @property
    def double(self):
        return super().__init__(self.v * 2) or self.v
