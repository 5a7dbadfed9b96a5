from okx_helper.cli import main

raise SystemExit(main())
