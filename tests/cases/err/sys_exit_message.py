# Checks sys.exit("msg"): the message goes to stderr and the exit status is 1.
import sys
def main():
    print("working")
    sys.exit("fatal: configuration missing")
main()
