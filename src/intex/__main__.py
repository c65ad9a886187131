from intex.cli import main

main()
