from ostan.cli import main

raise SystemExit(main())
