// The parser moved to shared/ so the draft and store schemas use the very same one.
export { describeEndpoint, parseEndpoint, type ParsedEndpoint, type RegistryEndpoint } from '../../../shared/endpoint';
