package interp

// Library modules written in Python for testing, comparing and looking
// into code: difflib, unittest (which uses difflib for its assertion
// messages) and inspect.

import _ "embed"

//go:embed pylib/difflib.py
var difflibSource string

func difflibModule(vm *VM) *Module { return vm.pyModule("difflib", difflibSource, nil) }

//go:embed pylib/unittest.py
var unittestSource string

//go:embed pylib/unittest_asserts.py
var unittestAssertsSource string

func unittestAssertsModule(vm *VM) *Module {
	return vm.pyModule("_unittest_asserts", unittestAssertsSource, nil)
}

// unittestHomes are the submodules CPython defines unittest's classes in,
// which their reprs name (<unittest.runner.TextTestResult run=1 ...>).
var unittestHomes = map[string]string{
	"TestCase": "case", "FunctionTestCase": "case", "SkipTest": "case",
	"TestSuite": "suite", "BaseTestSuite": "suite", "TestLoader": "loader", "TestResult": "result",
	"TextTestResult": "runner", "TextTestRunner": "runner", "TestProgram": "main",
	"IsolatedAsyncioTestCase": "async_case",
}

func unittestModule(vm *VM) *Module {
	m := vm.unittestBase()
	for name, home := range unittestHomes {
		switch c := m.attrs[name].O.(type) {
		case *Class:
			c.module = "unittest." + home
			c.tpName = c.module + "." + c.name
		case *ExcType:
			c.module = "unittest." + home
		}
	}
	return m
}

func (vm *VM) unittestBase() *Module {
	return vm.pyModule("unittest", unittestSource, map[string]nativeFn{
		// _main_globals(): the program's globals, where unittest.main()
		// finds the test classes (minipy's sys.modules has no __main__).
		"_main_globals": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return vm.globalsDict(), nil
		},
	})
}

//go:embed pylib/mock.py
var mockSource string

// mockModule is unittest.mock, in Python; patch('__main__.f') reaches the
// program's globals through _main_globals.
func mockModule(vm *VM) *Module {
	m := vm.pyModule("unittest.mock", mockSource, map[string]nativeFn{
		"_main_globals": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return vm.globalsDict(), nil
		},
	})
	return m
}

//go:embed pylib/inspect.py
var inspectSource string

func inspectModule(vm *VM) *Module { return vm.pyModule("inspect", inspectSource, nil) }
