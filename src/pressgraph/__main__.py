from pressgraph.cli import main

main()
