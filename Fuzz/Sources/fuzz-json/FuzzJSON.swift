import FuzzSupport

/// libFuzzer's entry point: the first byte picks one of the request and response types of the
/// services, the rest is parsed as its proto3 JSON. What parses must print, parse back equal and
/// print the same JSON, and survive the binary round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let (type, bytes) = FuzzSupport.split(data, size) else { return 0 }
    FuzzSupport.jsonRoundTrip(type, bytes)
    return 0
}
