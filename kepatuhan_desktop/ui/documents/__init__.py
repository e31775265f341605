"""The documents page: certificates, rapor, recap, running order; preview, print, verify."""
