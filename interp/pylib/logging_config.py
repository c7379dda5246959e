# logging.config for minipy, written for this project from the module's
# documented behaviour: dictConfig (schema version 1: formatters, filters,
# handlers, loggers, root, incremental updates, "()" factories, "."
# properties, ext:// and cfg:// references) and fileConfig over a
# configparser file. There is no listen()/stopListening() (no sockets
# server for configurations).

import logging
import logging.handlers
import io, os, re, sys

__all__ = ["BaseConfigurator", "DictConfigurator", "dictConfig", "dictConfigClass",
           "fileConfig", "valid_ident", "DEFAULT_LOGGING_CONFIG_PORT",
           "RESET_ERROR", "IDENTIFIER"]

DEFAULT_LOGGING_CONFIG_PORT = 9030
RESET_ERROR = 104
IDENTIFIER = re.compile('^[a-z_][a-z0-9_]*$', re.I)


def valid_ident(s):
    if IDENTIFIER.match(s) is None:
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


def _forget_handlers():
    """What every (non-incremental) configuration starts with: the
    handlers configured so far flushed, closed and unnamed."""
    logging._handlers_by_name.clear()
    known = list(logging._every_handler)
    logging.shutdown(known)
    del logging._every_handler[:]


def _prefix_children(existing, name):
    """The loggers in existing (sorted) whose names start with name + '.'."""
    head = name + '.'
    return [other for other in existing if other.startswith(head)]


def _settle_unconfigured(existing, children, disable):
    """Loggers the configuration did not name: children of one it named are
    reset to pass records up; the others are disabled if so asked."""
    table = logging.root.manager.loggerDict
    for name in existing:
        node = table[name]
        if name not in children:
            node.disabled = disable
        elif not isinstance(node, logging.PlaceHolder):
            node.setLevel(logging.NOTSET)
            node.handlers = []
            node.propagate = True


def _find_by_dotted_name(dotted):
    """The object a dotted name reaches, importing modules on the way."""
    parts = dotted.split('.')
    path = parts[0]
    try:
        target = __import__(path)
        for part in parts[1:]:
            path = path + '.' + part
            if not hasattr(target, part):
                __import__(path)
            target = getattr(target, part)
    except ImportError as e:
        raise ValueError('Cannot resolve %r: %s' % (dotted, e)) from e
    return target


class BaseConfigurator:
    """Reads a configuration dict, turning 'ext://' strings into the
    objects they name and 'cfg://' strings into parts of the dict."""

    value_converters = {'ext': 'ext_convert', 'cfg': 'cfg_convert'}

    importer = staticmethod(__import__)

    def __init__(self, config):
        self.config = _own_copy(config)

    def resolve(self, s):
        return _find_by_dotted_name(s)

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        # A path into the configuration: a key, then .key or [key] steps
        # ([3] indexes a list by number).
        path = value.strip()
        first = _CFG_FIRST.match(path)
        if first is None:
            raise ValueError('Unable to convert %r' % value)
        node = self.config[first.group(1)]
        at = first.end()
        while at < len(path):
            step = _CFG_STEP.match(path, at)
            if step is None:
                raise ValueError('Unable to convert %r at %r' % (value, path[at:]))
            dotted, bracketed = step.group(1), step.group(2)
            if dotted is not None:
                node = node[dotted]
            elif bracketed.isdigit() and not hasattr(node, 'keys'):
                node = node[int(bracketed)]
            else:
                node = node[bracketed]
            at = step.end()
        return self.convert(node)

    def convert(self, value):
        if not isinstance(value, str):
            return value
        ref = _REFERENCE.match(value)
        if ref is None or ref.group(1) not in self.value_converters:
            return value
        return getattr(self, self.value_converters[ref.group(1)])(ref.group(2))

    def configure_custom(self, config):
        factory = config.pop('()')
        if not callable(factory):
            factory = self.resolve(factory)
        props = config.pop('.', None)
        kwargs = {k: self.convert(v) for k, v in config.items() if valid_ident(k)}
        made = factory(**kwargs)
        for attr, value in (props or {}).items():
            setattr(made, attr, value)
        return made

    def as_tuple(self, value):
        return tuple(value) if isinstance(value, list) else value


_REFERENCE = re.compile(r'^([a-z]+)://(.*)$')
_CFG_FIRST = re.compile(r'\s*(\w+)\s*')
_CFG_STEP = re.compile(r'(?:\.\s*(\w+)|\[([^\[\]]*)\])\s*')


def _own_copy(value):
    # Configuring takes entries out of the dicts it reads: the caller's
    # stay as given.
    if isinstance(value, dict):
        return {k: _own_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_own_copy(v) for v in value]
    return value


_NO_VERSION = object()


class DictConfigurator(BaseConfigurator):

    def configure(self):
        version = self.config.get('version', _NO_VERSION)
        if version is _NO_VERSION:
            raise ValueError("dictionary doesn't specify a version")
        if version != 1:
            raise ValueError('Unsupported version: %s' % version)
        config = self.config
        if config.pop('incremental', False):
            self._update(config)
        else:
            self._replace(config)

    def _update(self, config):
        for name, spec in config.get('handlers', {}).items():
            handler = logging._handlers_by_name.get(name)
            if handler is None:
                raise ValueError('No handler found with name %r' % name)
            level = spec.get('level')
            if level is not None:
                handler.setLevel(logging._as_level(level))
        for name, spec in config.get('loggers', {}).items():
            try:
                self.configure_logger(name, spec, True)
            except Exception as e:
                raise ValueError('Unable to configure logger %r' % name) from e
        if config.get('root'):
            try:
                self.configure_root(config['root'], True)
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def _replace(self, config):
        disable = config.pop('disable_existing_loggers', True)
        _forget_handlers()
        self._configure_each(config, 'formatters', 'formatter', self.configure_formatter)
        self._configure_each(config, 'filters', 'filter', self.configure_filter)
        self._configure_handlers(config.get('handlers', {}))
        existing = sorted(logging.root.manager.loggerDict)
        children = []
        for name, spec in config.get('loggers', {}).items():
            if name in existing:
                children += _prefix_children(existing, name)
                existing.remove(name)
            try:
                self.configure_logger(name, spec)
            except Exception as e:
                raise ValueError('Unable to configure logger %r' % name) from e
        _settle_unconfigured(existing, children, disable)
        if config.get('root'):
            try:
                self.configure_root(config['root'])
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def _configure_each(self, config, section, what, make):
        specs = config.get(section, {})
        for name in specs:
            try:
                specs[name] = make(specs[name])
            except Exception as e:
                raise ValueError('Unable to configure %s %r' % (what, name)) from e

    def _configure_handlers(self, specs):
        # Alphabetical; one that names a handler not made yet (a
        # MemoryHandler's target) waits for a second pass.
        waiting = []
        for name in sorted(specs):
            try:
                self._make_handler(specs, name)
            except Exception as e:
                if ' not configured yet' in str(e.__cause__ or e):
                    waiting.append(name)
                else:
                    raise ValueError('Unable to configure handler %r' % name) from e
        for name in waiting:
            try:
                self._make_handler(specs, name)
            except Exception as e:
                raise ValueError('Unable to configure handler %r' % name) from e

    def _make_handler(self, specs, name):
        handler = self.configure_handler(dict(specs[name]))
        handler.name = name
        specs[name] = handler

    def configure_formatter(self, config):
        if '()' in config:
            spare = dict(config)
            try:
                return self.configure_custom(config)
            except TypeError as e:
                # A factory taking fmt= where the dict says format.
                if "'format'" in str(e):
                    spare['fmt'] = spare.pop('format')
                    return self.configure_custom(spare)
                raise
        cls = config.get('class')
        factory = self.resolve(cls) if cls else logging.Formatter
        extra = {}
        if 'validate' in config:
            extra['validate'] = config['validate']
        if config.get('defaults'):
            extra['defaults'] = config['defaults']
        return factory(config.get('format'), config.get('datefmt'), config.get('style', '%'), **extra)

    def configure_filter(self, config):
        if '()' in config:
            return self.configure_custom(config)
        return logging.Filter(config.get('name', ''))

    def add_filters(self, filterer, names):
        for name in names:
            try:
                found = name if not isinstance(name, str) else self.config['filters'][name]
            except Exception as e:
                raise ValueError('Unable to add filter %r' % name) from e
            filterer.addFilter(found)

    def configure_handler(self, config):
        level, filters = config.pop('level', None), config.pop('filters', None)
        formatter = config.pop('formatter', None)
        if formatter:
            known = self.config.get('formatters', {})
            if formatter not in known:
                raise ValueError('Unable to set formatter %r' % formatter)
            formatter = known[formatter]
        if '()' in config:
            factory = config.pop('()')
            if not callable(factory):
                factory = self.resolve(factory)
        else:
            factory = config.pop('class')
            if not callable(factory):
                factory = self.resolve(factory)
            if isinstance(factory, type) and issubclass(factory, logging.handlers.MemoryHandler) and 'target' in config:
                target = config['target']
                made = self.config['handlers'].get(target)
                if not isinstance(made, logging.Handler):
                    raise ValueError('target %r not configured yet' % target)
                config['target'] = made
        props = config.pop('.', None)
        kwargs = {k: self.convert(v) for k, v in config.items() if valid_ident(k)}
        handler = factory(**kwargs)
        if formatter:
            handler.setFormatter(formatter)
        if level is not None:
            handler.setLevel(logging._as_level(level))
        if filters:
            self.add_filters(handler, filters)
        for attr, value in (props or {}).items():
            setattr(handler, attr, value)
        return handler

    def add_handlers(self, logger, names):
        for name in names:
            try:
                logger.addHandler(self.config['handlers'][name])
            except Exception as e:
                raise ValueError('Unable to add handler %r' % name) from e

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get('level')
        if level is not None:
            logger.setLevel(logging._as_level(level))
        if incremental:
            return
        for h in list(logger.handlers):
            logger.removeHandler(h)
        if config.get('handlers'):
            self.add_handlers(logger, config['handlers'])
        if config.get('filters'):
            self.add_filters(logger, config['filters'])

    def configure_logger(self, name, config, incremental=False):
        node = logging.getLogger(name)
        self.common_logger_config(node, config, incremental)
        node.disabled = False
        propagate = config.get('propagate')
        if propagate is not None:
            node.propagate = propagate

    def configure_root(self, config, incremental=False):
        self.common_logger_config(logging.getLogger(), config, incremental)


dictConfigClass = DictConfigurator


def dictConfig(config):
    dictConfigClass(config).configure()


# ---------------------------------------------------------------- fileConfig

def _names(text):
    return [part.strip() for part in text.split(',') if part.strip()]


def _logging_eval(text):
    # The file's class names and argument tuples are read among logging's
    # names and the modules it imports, as CPython's are.
    scope = dict(vars(logging))
    scope.update(sys=sys, os=os, io=io, re=re, handlers=logging.handlers)
    return eval(text, scope)


def _file_formatters(cp):
    made = {}
    keys = cp['formatters']['keys']
    for name in _names(keys):
        section = 'formatter_' + name
        fmt = cp.get(section, 'format', raw=True, fallback=None)
        datefmt = cp.get(section, 'datefmt', raw=True, fallback=None)
        style = cp.get(section, 'style', raw=True, fallback='%')
        defaults = cp.get(section, 'defaults', raw=True, fallback=None)
        cls = cp[section].get('class')
        factory = _find_by_dotted_name(cls) if cls else logging.Formatter
        if defaults is None:
            made[name] = factory(fmt, datefmt, style)
        else:
            made[name] = factory(fmt, datefmt, style, defaults=_logging_eval(defaults))
    return made


def _file_handlers(cp, formatters):
    made = {}
    targets = []
    for name in _names(cp['handlers']['keys']):
        section = cp['handler_' + name]
        cls_text = section['class']
        try:
            cls = _logging_eval(cls_text)
        except (AttributeError, NameError):
            cls = _find_by_dotted_name(cls_text)
        args = _logging_eval(section.get('args', '()'))
        kwargs = _logging_eval(section.get('kwargs', '{}'))
        handler = cls(*args, **kwargs)
        handler.name = name
        if 'level' in section:
            handler.setLevel(section['level'])
        formatter = section.get('formatter', '')
        if formatter:
            handler.setFormatter(formatters[formatter])
        if issubclass(cls, logging.handlers.MemoryHandler) and section.get('target', ''):
            targets.append((handler, section['target']))
        made[name] = handler
    for handler, target in targets:
        handler.setTarget(made[target])
    return made


def _file_loggers(cp, handlers, disable):
    names = _names(cp['loggers']['keys'])
    names.remove('root')
    root = logging.root
    section = cp['logger_root']
    if 'level' in section:
        root.setLevel(section['level'])
    for h in list(root.handlers):
        root.removeHandler(h)
    for h in _names(section['handlers']):
        root.addHandler(handlers[h])
    existing = sorted(root.manager.loggerDict)
    children = []
    for name in names:
        section = cp['logger_' + name]
        qualname = section['qualname']
        propagate = section.getint('propagate', fallback=1)
        logger = logging.getLogger(qualname)
        if qualname in existing:
            children += _prefix_children(existing, qualname)
            existing.remove(qualname)
        if 'level' in section:
            logger.setLevel(section['level'])
        logger.propagate, logger.disabled = propagate, 0
        for h in list(logger.handlers):
            logger.removeHandler(h)
        for h in _names(section['handlers']):
            logger.addHandler(handlers[h])
    _settle_unconfigured(existing, children, disable)


def _parser_for(fname, defaults, encoding):
    import configparser
    if isinstance(fname, configparser.RawConfigParser):
        return fname
    if isinstance(fname, str):
        if not os.path.exists(fname):
            raise FileNotFoundError(f"{fname} doesn't exist")
        if os.path.getsize(fname) == 0:
            raise RuntimeError(f'{fname} is an empty file')
    parser = configparser.ConfigParser(defaults)
    try:
        if hasattr(fname, 'readline'):
            parser.read_file(fname)
        else:
            parser.read(fname, encoding=encoding)
    except configparser.ParsingError as e:
        raise RuntimeError(f'{fname} is invalid: {e}') from e
    return parser


def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    cp = _parser_for(fname, defaults, encoding)
    formatters = _file_formatters(cp)
    _forget_handlers()
    handlers = _file_handlers(cp, formatters) if _names(cp['handlers']['keys']) else {}
    _file_loggers(cp, handlers, disable_existing_loggers)
