import Foundation

/// A small JSON Schema validator for the keywords `tables.schema.json` uses: `type` (one or a
/// list), `enum`, `const`, `required`, `properties`, `additionalProperties: false`, `items`,
/// `$ref` to `#/$defs/…`, `pattern`, `minLength`, `minimum`, `maximum`. Returns the errors
/// with their JSON path; an unknown keyword is an error too, so the schema cannot grow a
/// rule this check silently ignores.
struct JSONSchemaCheck {
    let root: [String: Any]
    static let known: Set<String> = ["$schema", "title", "description", "type", "enum", "const", "required", "properties",
                                     "additionalProperties", "items", "$ref", "$defs", "pattern", "minLength", "minimum", "maximum"]

    func validate(_ value: Any, against schema: [String: Any]? = nil, at path: String = "$") -> [String] {
        let schema = schema ?? root
        var errors: [String] = []
        for key in schema.keys where !Self.known.contains(key) { errors.append("\(path): unknown keyword \(key)") }
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else { return ["\(path): bad $ref \(ref)"] }
            return errors + validate(value, against: target, at: path)
        }
        if let types = schema["type"] {
            let list = (types as? [String]) ?? [types as! String]
            if !list.contains(where: { Self.matches(value, $0) }) { errors.append("\(path): not \(list)") }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(value) not in enum")
        }
        if let constant = schema["const"], !Self.equal(constant, value) { errors.append("\(path): not \(constant)") }
        if let s = value as? String {
            if let pattern = schema["pattern"] as? String, s.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): \(s) does not match \(pattern)")
            }
            if let min = schema["minLength"] as? Int, s.count < min { errors.append("\(path): shorter than \(min)") }
        }
        if let n = value as? NSNumber, !Self.isBool(value) {
            if let min = (schema["minimum"] as? NSNumber)?.doubleValue, n.doubleValue < min { errors.append("\(path): below \(min)") }
            if let max = (schema["maximum"] as? NSNumber)?.doubleValue, n.doubleValue > max { errors.append("\(path): above \(max)") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { errors.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, v) in object {
                if let sub = properties[key] as? [String: Any] {
                    errors += validate(v, against: sub, at: path + "." + key)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    errors.append("\(path): unexpected \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, v) in array.enumerated() { errors += validate(v, against: items, at: "\(path)[\(i)]") }
        }
        return errors
    }

    static func isBool(_ v: Any) -> Bool {
        if type(of: v) == Bool.self { return true }
        guard let n = v as? NSNumber else { return false }
        return type(of: v) == Bool.self || String(cString: n.objCType) == "c"
    }

    static func matches(_ v: Any, _ type: String) -> Bool {
        switch type {
        case "null": return v is NSNull
        case "boolean": return isBool(v)
        case "integer": return !isBool(v) && (v as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } == true
        case "number": return !isBool(v) && v is NSNumber
        case "string": return v is String
        case "array": return v is [Any]
        case "object": return v is [String: Any]
        default: return false
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? NSNumber, let y = b as? NSNumber { return x == y && isBool(a) == isBool(b) }
        return false
    }
}
