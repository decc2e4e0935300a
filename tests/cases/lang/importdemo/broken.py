print("broken runs")
raise ValueError("broken on purpose")
