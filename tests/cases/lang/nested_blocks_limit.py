# Checks 20 nested blocks, CPython's limit, compile and run: loops, with items, try and except bodies (which count twice).
class C:
    def __enter__(self): return 1
    def __exit__(self, *a): pass
c = C()
with c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c:
    print("twenty with items")
try:
 raise ValueError(0)
except ValueError:
 try:
  raise ValueError(1)
 except ValueError:
  try:
   raise ValueError(2)
  except ValueError:
   try:
    raise ValueError(3)
   except ValueError:
    try:
     raise ValueError(4)
    except ValueError:
     try:
      raise ValueError(5)
     except ValueError:
      try:
       raise ValueError(6)
      except ValueError:
       try:
        raise ValueError(7)
       except ValueError:
        try:
         raise ValueError(8)
        except ValueError:
         for i in range(2):
          print("nine handlers and a loop", i)
